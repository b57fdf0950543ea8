# Sources of nets/special (appended to OPTVERIFY_NETS_SOURCES): the documents' special networks
# (linear networks and Baldi-Hornik, Soudry-Carmon, the quadratic network of 004 Prop. 4) and the
# symmetries (one file per operation). docs/networks-special.md.
list(APPEND OPTVERIFY_NETS_SOURCES
  special/linear_network.cpp
  special/soudry_carmon.cpp
  special/quadratic_network.cpp
  special/permute_hidden.cpp
  special/rescale_neuron.cpp
  special/gl_transform.cpp
)
