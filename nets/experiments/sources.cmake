# Sources of nets/experiments (appended to OPTVERIFY_NETS_SOURCES).
list(APPEND OPTVERIFY_NETS_SOURCES)
