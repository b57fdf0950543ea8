// The built-in rules of the core registry (optim/registry/all_entries.hpp) as conformance
// subjects, with the declarations their documents and hyper-parameters support
// (docs/conformance.md, "Declarations of the built-in rules"). The declarations are
// derived from the PARSED hyper-parameters of the spec (e.g. sgd:lr=1/10 declares
// descent with step 1/10), never from the defaults alone.
//
// Spec forms accepted by builtin_subject():
//   "NAME[:k=v,...]"      a registry rule, parsed as the CLI does (ov::constant<double>);
//   "broken:NAME"         a deliberately broken rule (broken_optimizers.hpp);
//   "reference:NAME"      a correct reference rule that the registry lacks (e.g. a heavy
//                         ball that implements optim::StateCheckpoint), the counterpart of
//                         a broken one.
#pragma once

#include <string>
#include <vector>

#include "proofs-checks/conformance/subject.hpp"

namespace ov::conformance {

// std::invalid_argument naming the rule, the parameter and the valid values on a bad spec.
Subject builtin_subject(const std::string& spec);

// Every registry rule name, in registry order.
std::vector<std::string> builtin_subject_names();

// The suites each built-in rule selects with its default hyper-parameters, in the order of
// builtin_subject_names() (for the docs' table and the CLI listing).
std::vector<std::string> builtin_declaration_summary();

// A one-line human description of a subject's declarations, e.g.
// "descent{step=0.01, bound=2} stochastic{batch=1, step=0.01}".
std::string describe_declarations(const Declarations& d);

}  // namespace ov::conformance
