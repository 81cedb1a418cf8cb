# Writes OUTPUT, a C++ file defining `std::string_view crashchain::FUNCTION()` with INPUT's bytes
# (FUNCTION defaults to builtin_network_dot). Bytes are unsigned: the files hold UTF-8.
if(NOT DEFINED FUNCTION)
  set(FUNCTION builtin_network_dot)
endif()
file(READ ${INPUT} hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
get_filename_component(input_name ${INPUT} NAME)
file(WRITE ${OUTPUT} "// Generated from ${input_name}; do not edit.\n#include <string_view>\nnamespace crashchain {\nnamespace {\nconstexpr unsigned char kBytes[] = {\n${bytes}\n0};\n}\nstd::string_view ${FUNCTION}() { return {reinterpret_cast<const char*>(kBytes), sizeof(kBytes) - 1}; }\n}  // namespace crashchain\n")
