// The MBT paper's Tables 1-3 (mbt_paper_tables.hpp), copied from the text file's lines cited.
#include "gpu/bench/mbt_paper_tables.hpp"

namespace ov::gpu::bench {

const MbtTable1& mbt_paper_table1() {
  static const MbtTable1 table{
      {100, 10, 1, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6},
      {12, 25, 50, 100, 200, 400, 800},
      {
          {0.0035, 0.0037, 0.0037, 0.0040, 0.0046, 0.0040, 0.0038, 0.0036, 0.0038},  // L601
          {0.0050, 0.0051, 0.0051, 0.0058, 0.0049, 0.0048, 0.0052, 0.0057, 0.0044},  // L602
          {0.0067, 0.0067, 0.0065, 0.0060, 0.0067, 0.0061, 0.0066, 0.0070, 0.0075},  // L603
          {0.0111, 0.0101, 0.0093, 0.0104, 0.0095, 0.0098, 0.0098, 0.0099, 0.0085},  // L604
          {0.0140, 0.0143, 0.0137, 0.0147, 0.0125, 0.0130, 0.0135, 0.0122, 0.0126},  // L605
          {0.0159, 0.0155, 0.0167, 0.0153, 0.0143, 0.0174, 0.0164, 0.0166, 0.0154},  // L606
          {0.0153, 0.0161, 0.0181, 0.0188, 0.0170, 0.0190, 0.0205, 0.0154, 0.0167},  // L607
      }};
  return table;
}

const MbtTable2& mbt_paper_table2() {
  static const MbtTable2 table{
      {100, 10, 1, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6},
      {
          {"SGD", {10.00, 89.47, 91.14, 92.07, 89.83, 84.70, 54.41, 28.35, 10.00}},       // L614
          {"MMT", {10.00, 10.00, 10.00, 92.28, 91.43, 90.21, 85.00, 54.12, 28.12}},       // L615
          {"NAG", {10.00, 10.00, 10.00, 92.41, 91.74, 89.86, 85.03, 54.37, 28.04}},       // L616
          {"Adagrad", {10.01, 81.48, 90.61, 88.68, 91.66, 86.72, 54.66, 28.64, 10.00}},   // L617
          {"Adadelta", {91.07, 92.05, 92.36, 91.83, 87.59, 73.05, 46.46, 22.39, 10.00}},  // L618
          {"RMSprop", {10.19, 10.00, 10.22, 89.95, 91.12, 91.81, 91.47, 85.19, 65.87}},   // L619
          {"Adam", {10.00, 10.00, 10.00, 90.69, 90.62, 92.29, 91.33, 85.14, 66.26}},      // L620
          {"Adamax", {10.01, 10.01, 91.27, 91.81, 92.26, 91.99, 89.23, 79.65, 55.48}},    // L621
          {"MBT-GD", {91.64}},                                                            // L622
          {"MBT-MMT", {93.70}},                                                           // L623
          {"MBT-NAG", {93.85}},                                                           // L624
      }};
  return table;
}

const MbtTable3& mbt_paper_table3() {
  static const MbtTable3 table{
      {
          {"Resnet18", "resnet18", 93.70, 93.85, 68.82, 70.66},              // L638
          {"PreActResnet18", "preact_resnet18", 93.51, 93.51, 71.98, 71.53},  // L639
          {"MobileNetV2", "mobilenetv2", 93.68, 91.78, 69.89, 70.33},        // L640
          {"SENet", "senet18", 93.15, 93.64, 69.62, 70.61},                  // L641
          {"DenseNet121", "densenet121", 94.67, 94.54, 73.29, 74.51},        // L642
      },
      nlohmann::json::array({{{"model", "Resnet18"},
                              {"dataset", "CIFAR-100"},
                              {"optimizer", "MBT-NAG"},
                              {"paper", 70.66},
                              {"slides", 70.78},
                              {"lines", "000 L638; 001 L813"}}})};
  return table;
}

nlohmann::json to_json(const MbtTable1& t) {
  return {{"source", {{"file", "000_47ba9189a2c8a171.txt"}, {"section", "4.4"}, {"lines", "L600-L609"}}},
          {"caption", "rate found by MBT-GD (after the sqrt(k/N) rescale), ResNet-18 on CIFAR-10, alpha 1e-4, "
                      "beta 0.5, 20 mini-batches; rows = batch size, columns = starting rate"},
          {"starting_rates", t.starting_rates},
          {"batch_sizes", t.batch_sizes},
          {"rates", t.rates}};
}

nlohmann::json to_json(const MbtTable2& t) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : t.rows) rows.push_back({{"optimizer", r.optimizer}, {"accuracy_percent", r.accuracy}});
  return {{"source", {{"file", "000_47ba9189a2c8a171.txt"}, {"section", "4.5"}, {"lines", "L613-L626"}}},
          {"caption", "best validation accuracy (%) after 200 epochs, batch 200, ResNet-18 on CIFAR-10 (inferred); "
                      "MBT rows: starting rate 1e-2 only"},
          {"learning_rates", t.learning_rates},
          {"rows", rows}};
}

nlohmann::json to_json(const MbtTable3& t) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : t.rows)
    rows.push_back({{"model", r.model}, {"zoo_model", r.zoo_model}, {"cifar10_mbt_mmt", r.cifar10_mmt},
                    {"cifar10_mbt_nag", r.cifar10_nag}, {"cifar100_mbt_mmt", r.cifar100_mmt},
                    {"cifar100_mbt_nag", r.cifar100_nag}});
  return {{"source", {{"file", "000_47ba9189a2c8a171.txt"}, {"section", "4.6"}, {"lines", "L636-L644"}}},
          {"caption", "accuracy (%) after 200 epochs with MBT-MMT / MBT-NAG"},
          {"rows", rows},
          {"slides_differences", t.slides_differences}};
}

}  // namespace ov::gpu::bench
