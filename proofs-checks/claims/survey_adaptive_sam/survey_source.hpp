// The source document of this group's claims (Ghojogh & Ghodsi's survey).
#pragma once

namespace ov::claims::survey_sam {

inline constexpr const char* kSource = "004_3d3d1f2b4537bb54.txt";

}  // namespace ov::claims::survey_sam
