#pragma once
// The one error type for bad user input (exit status 2), with structured context.
// Internal failures use other exception types so a bug is never reported as bad input.

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace crashchain {

/// One problem in the input: where it is, what it concerns, and what was expected.
struct Diagnostic {
    std::string file;                  ///< file name, or empty for command-line problems
    std::optional<std::size_t> line;   ///< 1-based line, where the format has one
    std::string subject;               ///< e.g. `entity OpenAI`, `contract Nvidia->OpenAI`
    std::string message;               ///< what is wrong and what is expected

    /// `file:line: subject: message` with absent parts left out.
    [[nodiscard]] std::string format() const;
};

/// Bad input or usage. Holds every problem found (readers collect before throwing).
class InputError : public std::runtime_error {
public:
    explicit InputError(std::vector<Diagnostic> diagnostics);
    explicit InputError(Diagnostic diagnostic);
    /// A problem with no file context (command-line usage).
    explicit InputError(std::string message);

    [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

private:
    std::vector<Diagnostic> diagnostics_;
};

/// Collects diagnostics while reading; throws them together as one InputError.
class Diagnostics {
public:
    /// After this many problems the rest are only counted (a broken 10M-row file must not
    /// produce 10M messages).
    static constexpr std::size_t kMaxReported = 50;

    void add(Diagnostic diagnostic);
    [[nodiscard]] bool empty() const { return total_ == 0; }
    [[nodiscard]] std::size_t count() const { return total_; }
    /// Throws InputError if any problem was added.
    void throw_if_any() const;

private:
    std::vector<Diagnostic> list_;
    std::size_t total_ = 0;
};

}  // namespace crashchain
