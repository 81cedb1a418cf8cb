# Writes OUTPUT, a C++ file defining crashchain::builtin_network_dot() with INPUT's bytes.
file(READ ${INPUT} hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE ${OUTPUT} "// Generated from graphs/ai_compute_2025.dot; do not edit.\n#include <string_view>\nnamespace crashchain {\nnamespace {\nconstexpr char kBytes[] = {\n${bytes}\n0};\n}\nstd::string_view builtin_network_dot() { return {kBytes, sizeof(kBytes) - 1}; }\n}  // namespace crashchain\n")
