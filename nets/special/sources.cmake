# Sources of nets/special (appended to OPTVERIFY_NETS_SOURCES).
list(APPEND OPTVERIFY_NETS_SOURCES)
