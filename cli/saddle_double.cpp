// `optverify saddle --precision double`: the experiment with optimizers from the registry in double.
#include <memory>

#include "analysis/numeric/exact_constant.hpp"
#include "cli/saddle_command.hpp"
#include "optim/registry/all_entries.hpp"

namespace ov::cli {

stats::PreparedExperiment prepare_saddle_double(const stats::ProblemExperimentSpec& spec) {
  auto registry = std::make_shared<const optim::Registry<double>>(optim::make_registry<double>());
  const std::string text = spec.optimizer;
  return stats::prepare_problem_experiment<double>(spec, [registry, text] {
    return registry->make(text, [](const std::string& t) { return constant<double>(t); });
  });
}

}  // namespace ov::cli
