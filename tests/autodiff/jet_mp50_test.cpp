// Autodiff properties in mp50 (see jet_properties.hpp for references and tolerances).
#include "tests/autodiff/jet_properties.hpp"

OV_JET_FLOATING_PROPERTIES(JetIn_mp50, ov::mp50)
