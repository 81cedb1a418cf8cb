#include "core/error.hpp"

namespace crashchain {
namespace {

std::string join(const std::vector<Diagnostic>& diagnostics) {
    std::string text;
    for (const auto& d : diagnostics) {
        if (!text.empty()) text += '\n';
        text += d.format();
    }
    return text;
}

}  // namespace

std::string Diagnostic::format() const {
    std::string text;
    if (!file.empty()) {
        text += file;
        if (line) text += ':' + std::to_string(*line);
        text += ": ";
    }
    if (!subject.empty()) text += subject + ": ";
    text += message;
    return text;
}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join(diagnostics)), diagnostics_(std::move(diagnostics)) {}

InputError::InputError(Diagnostic diagnostic)
    : InputError(std::vector<Diagnostic>{std::move(diagnostic)}) {}

InputError::InputError(std::string message)
    : InputError(Diagnostic{{}, std::nullopt, {}, std::move(message)}) {}

void Diagnostics::add(Diagnostic diagnostic) {
    ++total_;
    if (list_.size() < kMaxReported) list_.push_back(std::move(diagnostic));
}

void Diagnostics::throw_if_any() const {
    if (total_ == 0) return;
    auto list = list_;
    if (total_ > list_.size()) {
        Diagnostic more;
        more.file = list_.front().file;
        more.message = "... and " + std::to_string(total_ - list_.size()) + " more problems";
        list.push_back(std::move(more));
    }
    throw InputError(std::move(list));
}

}  // namespace crashchain
