# Tests of the problem families from the five source documents (catalog_documents.hpp).
optverify_add_test(NAME document_problems_test LABELS unit property
  SOURCES document_polynomial_test.cpp document_transcendental_test.cpp document_regression_test.cpp
          document_metadata_test.cpp)
