#include "report/table.hpp"

#include <algorithm>

namespace crashchain {

std::size_t display_width(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string csv_field(const std::string& value) {
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

Table::Table(std::vector<std::string> headers, std::vector<Align> align)
    : headers_(std::move(headers)), align_(std::move(align)) {
    align_.resize(headers_.size(), Align::left);
}

void Table::add_row(std::vector<std::string> cells) {
    cells.resize(headers_.size());
    rows_.push_back(std::move(cells));
}

std::string Table::text() const {
    std::vector<std::size_t> width(headers_.size());
    for (std::size_t c = 0; c < headers_.size(); ++c) width[c] = display_width(headers_[c]);
    for (const auto& row : rows_) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            width[c] = std::max(width[c], display_width(row[c]));
        }
    }
    std::string out;
    auto emit = [&](const std::vector<std::string>& cells) {
        std::string line;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const std::string pad(width[c] - display_width(cells[c]), ' ');
            if (c > 0) line += "  ";
            line += align_[c] == Align::right ? pad + cells[c] : cells[c] + pad;
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + '\n';
    };
    emit(headers_);
    std::vector<std::string> rule;
    for (auto w : width) rule.emplace_back(w, '-');
    emit(rule);
    for (const auto& row : rows_) emit(row);
    return out;
}

std::string Table::markdown() const {
    auto escape = [](const std::string& cell) {
        std::string escaped;
        for (char c : cell) {
            if (c == '|') escaped += '\\';
            escaped += c == '\n' ? ' ' : c;
        }
        return escaped;
    };
    std::string out = "|";
    for (const auto& h : headers_) out += " " + escape(h) + " |";
    out += "\n|";
    for (auto a : align_) out += a == Align::right ? " ---: |" : " --- |";
    out += '\n';
    for (const auto& row : rows_) {
        out += "|";
        for (const auto& cell : row) out += " " + escape(cell) + " |";
        out += '\n';
    }
    return out;
}

std::string Table::csv() const {
    std::string out;
    auto emit = [&](const std::vector<std::string>& cells) {
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (c > 0) out += ',';
            out += csv_field(cells[c]);
        }
        out += '\n';
    };
    emit(headers_);
    for (const auto& row : rows_) emit(row);
    return out;
}

}  // namespace crashchain
