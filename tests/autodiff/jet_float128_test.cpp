// Autodiff properties in float128 (see jet_properties.hpp for references and tolerances).
#include "tests/autodiff/jet_properties.hpp"

OV_JET_FLOATING_PROPERTIES(JetIn_float128, ov::float128)
