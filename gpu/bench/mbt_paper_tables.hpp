// The MBT paper's experimental tables, transcribed (000_47ba9189a2c8a171.txt §4.4-4.6; the
// slides 001_ca0824e53e7404e9.txt repeat them, with one differing cell in Table 3). The
// protocols report their measurements beside these values. Torch-free.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ov::gpu::bench {

// Table 1 (000 L600-L609; slides 001 L719-L740, identical): the finder's rate (after the
// sqrt(k/N) rescale) of MBT-GD, ResNet-18 on CIFAR-10, alpha 1e-4, beta 0.5, 20 batches.
struct MbtTable1 {
  std::vector<double> starting_rates;        // columns: 100, 10, 1, 1e-1, ..., 1e-6
  std::vector<int> batch_sizes;              // rows: 12, 25, 50, 100, 200, 400, 800
  std::vector<std::vector<double>> rates;    // rates[row][column]
};
const MbtTable1& mbt_paper_table1();

// Table 2 (000 L613-L626; slides 001 L774-L800, identical): best validation accuracy (%)
// after 200 epochs, batch 200, ResNet-18 on CIFAR-10 (the model/data set is inferred: the
// MBT-MMT/NAG cells equal Table 3's ResNet-18/CIFAR-10 row; guide seed-000-001-backtracking.md
// §4 "Experiment 4"). The MBT rows used the starting rate 1e-2 only (caption, L626).
struct MbtTable2Row {
  std::string optimizer;          // "SGD", "MMT", ..., "MBT-NAG"
  std::vector<double> accuracy;   // per starting rate (baselines: 9 values), MBT rows: 1 value
};
struct MbtTable2 {
  std::vector<double> learning_rates;  // 100, 10, ..., 1e-6
  std::vector<MbtTable2Row> rows;
};
const MbtTable2& mbt_paper_table2();

// Table 3 (000 L636-L644): accuracy (%) after 200 epochs, models x {CIFAR-10, CIFAR-100} x
// {MBT-MMT, MBT-NAG}. The slides (001 L811-L823) print ResNet-18 / CIFAR-100 / MBT-NAG as
// 70.78 where the paper prints 70.66 (guide §7 item 15); slides_cells lists that difference.
struct MbtTable3Row {
  std::string model;                 // the paper's name, e.g. "Resnet18"
  std::string zoo_model;             // the nets/torch zoo name, e.g. "resnet18"
  double cifar10_mmt, cifar10_nag, cifar100_mmt, cifar100_nag;
};
struct MbtTable3 {
  std::vector<MbtTable3Row> rows;
  nlohmann::json slides_differences;  // [{"model", "dataset", "optimizer", "paper", "slides", "lines"}]
};
const MbtTable3& mbt_paper_table3();

// The tables as JSON (with their line citations), for the reports.
nlohmann::json to_json(const MbtTable1& t);
nlohmann::json to_json(const MbtTable2& t);
nlohmann::json to_json(const MbtTable3& t);

}  // namespace ov::gpu::bench
