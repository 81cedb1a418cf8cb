#include "io/csv_scanner.hpp"

#include <algorithm>
#include <cstring>

#include "io/locate.hpp"

namespace crashchain::detail {
namespace {

constexpr std::size_t kMaxBuffer = std::size_t{4} << 20;  // 4 MiB reads: few syscalls, small peak
constexpr std::size_t kMinBuffer = 4096;
constexpr std::size_t kUnseekableBuffer = std::size_t{64} << 10;

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::size_t count_newlines(const char* begin, const char* end) {
    return static_cast<std::size_t>(std::count(begin, end, '\n'));
}

}  // namespace

CsvScanner::CsvScanner(std::istream& in, std::size_t buffer_bytes) : in_(in) {
    // The stream size lets us size the buffer and estimate the record count (to reserve the
    // contract vector once instead of doubling it, which would double the peak memory).
    const auto start = in_.tellg();
    if (start != std::istream::pos_type(-1)) {
        in_.seekg(0, std::ios::end);
        const auto stop = in_.tellg();
        in_.seekg(start);
        if (stop != std::istream::pos_type(-1) && stop >= start) {
            stream_bytes_ = static_cast<std::size_t>(stop - start);
        }
    }
    in_.clear();
    if (buffer_bytes == 0) {
        buffer_bytes = stream_bytes_ ? std::clamp(*stream_bytes_ + 1, kMinBuffer, kMaxBuffer)
                                     : kUnseekableBuffer;
    }
    buffer_.resize(std::max<std::size_t>(buffer_bytes, 3));
    while (end_ < 3 && !eof_) refill();  // enough bytes to see a byte order mark
    // UTF-8 byte order mark (Excel writes one).
    if (end_ - begin_ >= 3 && std::memcmp(buffer_.data() + begin_, "\xEF\xBB\xBF", 3) == 0) {
        begin_ += 3;
    }
    if (stream_bytes_ && end_ > begin_) {
        const std::size_t lines = count_newlines(buffer_.data() + begin_, buffer_.data() + end_);
        const std::size_t sample = end_ - begin_;
        estimate_ = lines == 0 ? 1 : *stream_bytes_ / std::max<std::size_t>(1, sample / lines) + 1;
    }
}

void CsvScanner::refill() {
    if (eof_) return;
    if (begin_ > 0) {
        std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
    }
    if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);  // one record > buffer
    in_.read(buffer_.data() + end_, static_cast<std::streamsize>(buffer_.size() - end_));
    const auto got = static_cast<std::size_t>(in_.gcount());
    if (std::memchr(buffer_.data() + end_, '\0', got) != nullptr) nul_seen_ = true;
    end_ += got;
    if (got == 0 || !in_) eof_ = true;
}

bool CsvScanner::next() {
    error_.clear();
    while (true) {
        if (begin_ == end_) {
            if (eof_) return false;
            refill();
            continue;
        }
        record_line_ = next_line_;
        const std::size_t start = begin_;
        const Parse result = parse_record();
        if (result == Parse::need_more) {
            refill();
            continue;
        }
        if (result == Parse::malformed) return true;
        // Checked per record only once a NUL has been read at all, so text files pay nothing.
        if (nul_seen_ && std::memchr(buffer_.data() + start, '\0', begin_ - start) != nullptr) {
            error_ = std::string(kNulByte);
            fields_.clear();
            return true;
        }
        if (fields_.size() == 1 && fields_[0].empty() && !record_quoted_) continue;  // blank line
        for (std::size_t i = 0; i < scratch_slots_.size(); ++i) {
            const auto [offset, length] = scratch_fields_[i];
            fields_[scratch_slots_[i]] = std::string_view(scratch_.data() + offset, length);
        }
        return true;
    }
}

CsvScanner::Parse CsvScanner::fail(std::string message, std::size_t position,
                                   std::size_t newlines) {
    error_ = std::move(message);
    fields_.clear();
    next_line_ += newlines;
    skip_line_from(position);
    return Parse::malformed;
}

void CsvScanner::skip_line_from(std::size_t position) {
    begin_ = position;
    while (true) {
        const char* data = buffer_.data();
        const void* hit = std::memchr(data + begin_, '\n', end_ - begin_);
        if (hit != nullptr) {
            begin_ = static_cast<std::size_t>(static_cast<const char*>(hit) - data) + 1;
            ++next_line_;
            return;
        }
        begin_ = end_;
        if (eof_) return;
        refill();
    }
}

CsvScanner::Parse CsvScanner::parse_record() {
    fields_.clear();
    scratch_.clear();
    scratch_fields_.clear();
    scratch_slots_.clear();
    const char* data = buffer_.data();
    std::size_t p = begin_;
    std::size_t newlines = 0;
    record_quoted_ = false;
    while (true) {
        std::size_t start = p;
        while (start < end_ && is_blank(data[start])) ++start;
        if (start < end_ && data[start] == '"') {
            std::size_t q = start + 1;
            bool doubled = false;
            std::size_t close = 0;
            while (true) {
                const void* hit = std::memchr(data + q, '"', end_ - q);
                if (hit == nullptr) {
                    if (!eof_) return Parse::need_more;
                    return fail("quoted field never closed (expected a closing \")", end_,
                                newlines + count_newlines(data + start, data + end_));
                }
                const auto h = static_cast<std::size_t>(static_cast<const char*>(hit) - data);
                if (h + 1 == end_ && !eof_) return Parse::need_more;  // "" split by the buffer
                if (h + 1 < end_ && data[h + 1] == '"') {
                    doubled = true;
                    q = h + 2;
                    continue;
                }
                close = h;
                break;
            }
            newlines += count_newlines(data + start + 1, data + close);
            if (!doubled) {
                fields_.emplace_back(data + start + 1, close - start - 1);
            } else {
                const std::size_t offset = scratch_.size();
                for (std::size_t i = start + 1; i < close; ++i) {
                    scratch_.push_back(data[i]);
                    if (data[i] == '"') ++i;  // the second quote of a doubled pair
                }
                scratch_slots_.push_back(fields_.size());
                scratch_fields_.emplace_back(offset, scratch_.size() - offset);
                fields_.emplace_back();
            }
            record_quoted_ = true;
            p = close + 1;
            while (p < end_ && is_blank(data[p])) ++p;
            if (!eof_ && (p == end_ || (data[p] == '\r' && p + 1 == end_))) {
                return Parse::need_more;  // cannot tell yet how the field ends
            }
            if (p == end_) break;
            if (data[p] == ',') {
                ++p;
                continue;
            }
            if (data[p] == '\n' || (data[p] == '\r' && (p + 1 == end_ || data[p + 1] == '\n'))) {
                p += data[p] == '\r' ? 1 : 0;
                if (p < end_) {
                    ++newlines;
                    ++p;
                }
                break;
            }
            return fail("unexpected character after a closing quote (expected , or the end of "
                        "the line; write a quote inside a quoted field as \"\")",
                        p, newlines);
        }
        std::size_t q = p;
        while (q < end_ && data[q] != ',' && data[q] != '\n') ++q;
        if (q == end_ && !eof_) return Parse::need_more;
        std::size_t field_end = q;
        if (field_end > p && data[field_end - 1] == '\r' && (q == end_ || data[q] == '\n')) {
            --field_end;
        }
        std::size_t field_start = p;
        while (field_start < field_end && is_blank(data[field_start])) ++field_start;
        while (field_end > field_start && is_blank(data[field_end - 1])) --field_end;
        fields_.emplace_back(data + field_start, field_end - field_start);
        if (q < end_ && data[q] == ',') {
            p = q + 1;
            continue;
        }
        p = q;
        if (q < end_) {
            ++newlines;
            ++p;
        }
        break;
    }
    begin_ = p;
    next_line_ += newlines;
    return Parse::complete;
}

}  // namespace crashchain::detail
