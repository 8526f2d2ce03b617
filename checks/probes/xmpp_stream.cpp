// Bounded XMPP stream reader (xmpp_stream.h).
#include "checks/probes/xmpp_stream.h"

#include <algorithm>
#include <cctype>

namespace edgeplan::checks::probes {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool is_name_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == ':' || c == '_' || c == '-' || c == '.' || u >= 0x80;
}

// The five predefined entities and character references; nullopt when malformed.
std::optional<std::string> decode(const std::string& raw) {
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '&') {
            out += raw[i];
            continue;
        }
        const std::size_t end = raw.find(';', i);
        if (end == std::string::npos || end - i > 10) return std::nullopt;
        const std::string entity = raw.substr(i + 1, end - i - 1);
        if (entity == "lt")
            out += '<';
        else if (entity == "gt")
            out += '>';
        else if (entity == "amp")
            out += '&';
        else if (entity == "quot")
            out += '"';
        else if (entity == "apos")
            out += '\'';
        else if (!entity.empty() && entity[0] == '#') {
            const bool hex = entity.size() > 1 && (entity[1] == 'x' || entity[1] == 'X');
            const std::string digits = entity.substr(hex ? 2 : 1);
            if (digits.empty() || digits.size() > 6) return std::nullopt;
            for (char c : digits) {
                if (!(hex ? std::isxdigit(static_cast<unsigned char>(c))
                          : std::isdigit(static_cast<unsigned char>(c)))) {
                    return std::nullopt;
                }
            }
            const unsigned long code = std::stoul(digits, nullptr, hex ? 16 : 10);
            out += code < 0x80 ? static_cast<char>(code) : '?';  // only ASCII matters here
        } else {
            return std::nullopt;
        }
        i = end;
    }
    return out;
}

std::pair<std::string, std::string> split_name(const std::string& qualified) {
    const std::size_t colon = qualified.find(':');
    if (colon == std::string::npos) return {"", qualified};
    return {qualified.substr(0, colon), qualified.substr(colon + 1)};
}

// Parses "name attr='v' attr2="v"" (without < and >); false when malformed.
bool parse_tag_body(const std::string& body, std::string& name,
                    std::vector<std::pair<std::string, std::string>>& attributes) {
    std::size_t i = 0;
    while (i < body.size() && is_name_char(body[i])) ++i;
    name = body.substr(0, i);
    if (name.empty()) return false;
    for (int round = 0; round < 64; ++round) {
        while (i < body.size() && is_space(body[i])) ++i;
        if (i == body.size()) return true;
        const std::size_t start = i;
        while (i < body.size() && is_name_char(body[i])) ++i;
        const std::string key = body.substr(start, i - start);
        while (i < body.size() && is_space(body[i])) ++i;
        if (key.empty() || i >= body.size() || body[i] != '=') return false;
        ++i;
        while (i < body.size() && is_space(body[i])) ++i;
        if (i >= body.size() || (body[i] != '\'' && body[i] != '"')) return false;
        const char quote = body[i++];
        const std::size_t close = body.find(quote, i);
        if (close == std::string::npos) return false;
        const auto value = decode(body.substr(i, close - i));
        if (!value) return false;
        attributes.emplace_back(key, *value);
        i = close + 1;
        if (i < body.size() && !is_space(body[i])) return false;
    }
    return false;  // more than 64 attributes
}

}  // namespace

const XmlElement* XmlElement::child(const std::string& ns_uri, const std::string& local) const {
    for (const auto& c : children) {
        if (c.ns == ns_uri && c.name == local) return &c;
    }
    return nullptr;
}

std::string XmlElement::attribute(const std::string& qualified) const {
    for (const auto& [key, value] : attributes) {
        if (key == qualified) return value;
    }
    return {};
}

std::string xmpp_stream_header(const std::string& to_domain) {
    return "<?xml version='1.0'?><stream:stream xmlns='jabber:server' "
           "xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback' "
           "to='" +
           to_domain + "' version='1.0'>";
}

XmppStreamReader::State XmppStreamReader::feed(const std::string& bytes) {
    if (!error_.empty()) return State::failed;
    consumed_total_ += bytes.size();
    if (consumed_total_ > limits_.max_bytes) {
        fail("the peer sent more than " + std::to_string(limits_.max_bytes) +
                 " bytes without the element the probe waits for",
             true);
        return State::failed;
    }
    buffer_ += bytes;
    for (std::size_t round = 0; round < limits_.max_bytes && parse_one(); ++round) {
    }
    return state();
}

std::optional<XmlElement> XmppStreamReader::pop_element() {
    if (ready_.empty()) return std::nullopt;
    XmlElement front = std::move(ready_.front());
    ready_.erase(ready_.begin());
    return front;
}

bool XmppStreamReader::fail(std::string why, bool limit) {
    if (error_.empty()) error_ = std::move(why);
    limit_exceeded_ = limit_exceeded_ || limit;
    return false;
}

std::string XmppStreamReader::resolve(const std::string& prefix) const {
    for (auto frame = open_.rbegin(); frame != open_.rend(); ++frame) {
        for (const auto& [p, uri] : frame->prefixes) {
            if (p == prefix) return uri;
        }
    }
    for (const auto& [p, uri] : stream_prefixes_) {
        if (p == prefix) return uri;
    }
    return prefix == "xml" ? "http://www.w3.org/XML/1998/namespace" : std::string();
}

void XmppStreamReader::add_text(const std::string& raw) {
    if (open_.empty()) return;  // whitespace between top-level elements (checked by caller)
    if (auto text = decode(raw)) {
        open_.back().element.text += *text;
    } else {
        fail("malformed character reference");
    }
}

bool XmppStreamReader::start_tag(const std::string& tag) {
    const bool self_closing = tag.size() >= 2 && tag[tag.size() - 2] == '/';
    const std::string body = tag.substr(1, tag.size() - (self_closing ? 3 : 2));
    Frame frame;
    if (!parse_tag_body(body, frame.qualified, frame.element.attributes)) {
        return fail("malformed tag " + tag.substr(0, 80));
    }
    for (const auto& [key, value] : frame.element.attributes) {
        if (key == "xmlns") frame.prefixes.emplace_back("", value);
        if (key.rfind("xmlns:", 0) == 0) frame.prefixes.emplace_back(key.substr(6), value);
    }
    const auto [prefix, local] = split_name(frame.qualified);
    frame.element.name = local;
    if (!header_) {
        stream_prefixes_ = frame.prefixes;
        frame.element.ns = resolve(prefix);
        if (frame.element.ns != kNsStreams || local != "stream" || self_closing) {
            return fail("the peer did not open an XMPP stream (first element <" + frame.qualified +
                        ">)");
        }
        header_ = std::move(frame.element);
        return true;
    }
    if (open_.size() + 1 >= limits_.max_depth) {
        return fail("elements nested deeper than " + std::to_string(limits_.max_depth), true);
    }
    open_.push_back(std::move(frame));
    open_.back().element.ns = resolve(prefix);
    if (self_closing) return end_tag("</" + open_.back().qualified + ">");
    return true;
}

bool XmppStreamReader::end_tag(const std::string& tag) {
    std::string name = tag.substr(2, tag.size() - 3);
    while (!name.empty() && is_space(name.back())) name.pop_back();
    if (open_.empty()) {
        const auto [prefix, local] = split_name(name);
        if (header_ && local == "stream" && resolve(prefix) == kNsStreams) {
            closed_ = true;
            return false;  // nothing more to read on this stream
        }
        return fail("unexpected end tag </" + name + ">");
    }
    if (name != open_.back().qualified) return fail("mismatched end tag </" + name + ">");
    XmlElement done = std::move(open_.back().element);
    open_.pop_back();
    if (open_.empty()) {
        ready_.push_back(std::move(done));
    } else {
        if (open_.back().element.children.size() >= limits_.max_children) {
            return fail("more than " + std::to_string(limits_.max_children) + " child elements",
                        true);
        }
        open_.back().element.children.push_back(std::move(done));
    }
    return true;
}

bool XmppStreamReader::parse_one() {
    if (!error_.empty() || closed_ || buffer_.empty()) return false;
    if (buffer_[0] != '<') {
        const std::size_t next = buffer_.find('<');
        const std::string raw = buffer_.substr(0, next);
        if (open_.empty() &&
            !std::all_of(raw.begin(), raw.end(), [](char c) { return is_space(c); })) {
            return fail(header_ ? "text outside any element of the stream"
                                : "the peer's answer is not XML");
        }
        if (next == std::string::npos && !open_.empty()) {
            // Keep a possible partial entity for the next read.
            const std::size_t amp = raw.rfind('&');
            const std::size_t keep =
                (amp != std::string::npos && raw.find(';', amp) == std::string::npos) ? amp
                                                                                      : raw.size();
            add_text(raw.substr(0, keep));
            buffer_.erase(0, keep);
            return false;
        }
        add_text(raw);
        buffer_.erase(0, next == std::string::npos ? buffer_.size() : next);
        return next != std::string::npos;
    }
    // Find the end of the tag, outside quoted attribute values.
    char quote = 0;
    std::size_t end = std::string::npos;
    for (std::size_t i = 1; i < buffer_.size() && i <= limits_.max_tag_bytes; ++i) {
        const char c = buffer_[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '>') {
            end = i;
            break;
        } else if (c == '<') {
            return fail("'<' inside a tag");
        }
    }
    if (end == std::string::npos) {
        if (buffer_.size() > limits_.max_tag_bytes) {
            return fail("a tag longer than " + std::to_string(limits_.max_tag_bytes) + " bytes",
                        true);
        }
        return false;  // need more
    }
    const std::string tag = buffer_.substr(0, end + 1);
    buffer_.erase(0, end + 1);
    if (tag.rfind("<?", 0) == 0) {
        if (!declaration_allowed_ || tag.rfind("<?xml", 0) != 0) {
            return fail("processing instruction in the stream");
        }
        declaration_allowed_ = false;
        return true;
    }
    declaration_allowed_ = false;
    if (tag.rfind("<!", 0) == 0) return fail("comment or DTD in the stream (RFC 6120 11.1)");
    if (tag.rfind("</", 0) == 0) return end_tag(tag);
    return start_tag(tag);
}

}  // namespace edgeplan::checks::probes
