#include "gpu/optim/elementwise_param_state.hpp"

#include <torch/serialize/archive.h>

#include <sstream>
#include <stdexcept>

namespace ov::gpu {

// Archive layout: "step" (int), "names" (the buffer names joined by ','), and one tensor
// "buffer.<name>" per buffer.
void ElementwiseParamState::serialize(torch::serialize::OutputArchive& archive) const {
  archive.write("step", c10::IValue(step()));
  std::string joined;
  for (const auto& n : names()) joined += (joined.empty() ? "" : ",") + n;
  archive.write("names", c10::IValue(joined));
  for (std::size_t i = 0; i < names().size(); ++i) archive.write("buffer." + names()[i], buffers().at(i));
}

void ElementwiseParamState::serialize(torch::serialize::InputArchive& archive) {
  c10::IValue v;
  archive.read("step", v);
  step(v.toInt());
  archive.read("names", v);
  std::vector<std::string> ns;
  std::stringstream in(v.toStringRef());
  for (std::string n; std::getline(in, n, ',');) ns.push_back(n);
  std::vector<at::Tensor> bs;
  for (const auto& n : ns) {
    at::Tensor t;
    archive.read("buffer." + n, t);
    bs.push_back(t);
  }
  names(ns);
  buffers(bs);
}

const at::Tensor& ElementwiseParamState::buffer(const std::string& name) const {
  for (std::size_t i = 0; i < names().size(); ++i)
    if (names()[i] == name) return buffers().at(i);
  std::string known;
  for (const auto& n : names()) known += (known.empty() ? "" : ", ") + n;
  throw std::out_of_range("optimizer state has no buffer '" + name + "' (it has: " +
                          (known.empty() ? std::string("none") : known) + ")");
}

}  // namespace ov::gpu
