// Autodiff properties in double (see jet_properties.hpp for references and tolerances).
#include "tests/autodiff/jet_properties.hpp"

OV_JET_FLOATING_PROPERTIES(JetIn_double, double)
