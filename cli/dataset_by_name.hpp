// Data sets by name for the command line: "NAME[:key=value,...]".
//
//   regression_toy[:n=100,seed=1]                     003 §4.2's toy (nets/data/regression_toy.hpp)
//   circles[:seed=1]                                  003 §5.1's 100 training points (make_circles recipe)
//   make_circles[:n=100,noise=0.35,factor=0,seed=1]   the make_circles recipe itself
//   standardized_regression[:n=100,seed=42]           003 §5.2's shape (synthetic stand-in, 8 features)
//   fashion_mnist[:a=3,b=6,max=0,split=train]         two Fashion-MNIST classes at 14x14 (003 §5.3's substitute)
//
// Unknown names list the valid ones; unknown keys list the valid keys of that data set.
#pragma once

#include <string>
#include <vector>

#include "nets/data/dataset.hpp"

namespace ov::cli {

nets::Dataset dataset_by_name(const std::string& spec);
const std::vector<std::string>& dataset_names();

}  // namespace ov::cli
