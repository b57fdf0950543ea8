// The experiment tables of the paper (000) and the slides (001) as printed, transcribed cell by cell (helper of
// the errata claims on Tables 2 and 3; exact decimal strings, read as exact rationals).
#pragma once

#include <string>
#include <vector>

namespace ov::claims::bt_cex {

struct TableRow {
  std::string name;
  std::vector<std::string> cells;  // "" = empty cell
};
struct Table {
  std::string document, lines;
  std::vector<std::string> columns;
  std::vector<TableRow> rows;
};

Table table2_paper();   // 000 L613-L624 (Table 2, caption L626)
Table table2_slides();  // 001 S-L774-S-L796 (caption S-L798)
Table table3_paper();   // 000 L636-L642 (Table 3, caption L644)
Table table3_slides();  // 001 S-L809-S-L821 (caption S-L823)

}  // namespace ov::claims::bt_cex
