#include "proofs-checks/claims/castera_spectra/registration.hpp"

#include "proofs-checks/catalog.hpp"
#include "proofs-checks/claims/castera_spectra/det_roots_lemmas.hpp"
#include "proofs-checks/claims/castera_spectra/din_saddle.hpp"
#include "proofs-checks/claims/castera_spectra/eigen_stability.hpp"
#include "proofs-checks/claims/castera_spectra/erratum_gamma_minus.hpp"
#include "proofs-checks/claims/castera_spectra/erratum_modulus.hpp"
#include "proofs-checks/claims/castera_spectra/erratum_permutation.hpp"
#include "proofs-checks/claims/castera_spectra/erratum_step_bound.hpp"
#include "proofs-checks/claims/castera_spectra/jacobian_blocks.hpp"
#include "proofs-checks/claims/castera_spectra/lemma_3_6.hpp"
#include "proofs-checks/claims/castera_spectra/spiral_rates.hpp"
#include "proofs-checks/claims/castera_spectra/table_3_1.hpp"
#include "proofs-checks/claims/castera_spectra/theorem_3_12.hpp"

namespace ov::claims {

void register_castera_spectra_claims(Catalog& c) {
  c.add(castera_ch3::jacobian_blocks_claim());
  c.add(castera_ch3::lemma_3_6_claim());
  c.add(castera_ch3::eigen_stability_claim());
  c.add(castera_ch3::det_roots_lemmas_claim());
  c.add(castera_ch3::theorem_3_12_claim());
  c.add(castera_ch3::erratum_step_bound_claim());
  c.add(castera_ch3::erratum_permutation_claim());
  c.add(castera_ch3::erratum_modulus_claim());
  c.add(castera_ch3::erratum_gamma_minus_claim());
  c.add(castera_ch3::table_3_1_claim());
  c.add(castera_ch3::din_saddle_claim());
  c.add(castera_ch3::spiral_rates_claim());
}

}  // namespace ov::claims
