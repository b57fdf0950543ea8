// `optverify saddle --precision mp50`: the experiment with optimizers from the registry in mp50.
#include <memory>

#include "analysis/numeric/exact_constant.hpp"
#include "cli/saddle_command.hpp"
#include "optim/registry/all_entries.hpp"

namespace ov::cli {

stats::PreparedExperiment prepare_saddle_mp50(const stats::ProblemExperimentSpec& spec) {
  auto registry = std::make_shared<const optim::Registry<mp50>>(optim::make_registry<mp50>());
  const std::string text = spec.optimizer;
  return stats::prepare_problem_experiment<mp50>(spec, [registry, text] {
    return registry->make(text, [](const std::string& t) { return constant<mp50>(t); });
  });
}

}  // namespace ov::cli
