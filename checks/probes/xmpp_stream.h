#pragma once
// An incremental, bounded reader of the start of an XMPP server-to-server stream (RFC 6120
// section 4): the <stream:stream> header, then each complete top-level element
// (<stream:features>, <proceed/>, <stream:error>). It is no general XML parser: XMPP forbids
// comments, DTDs and processing instructions after the declaration (RFC 6120 11.1), so those
// end the stream as malformed. Every dimension is capped so an endless or hostile peer ends as
// a finding, never as unbounded memory or time.
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace edgeplan::checks::probes {

inline constexpr const char* kNsStreams = "http://etherx.jabber.org/streams";
inline constexpr const char* kNsTls = "urn:ietf:params:xml:ns:xmpp-tls";
inline constexpr const char* kNsSasl = "urn:ietf:params:xml:ns:xmpp-sasl";
inline constexpr const char* kNsDialbackFeature = "urn:xmpp:features:dialback";

struct XmlElement {
    std::string ns;                                               // resolved namespace URI
    std::string name;                                             // local name
    std::vector<std::pair<std::string, std::string>> attributes;  // qualified name -> value
    std::vector<XmlElement> children;
    std::string text;  // character data directly inside
    const XmlElement* child(const std::string& ns_uri, const std::string& local) const;
    std::string attribute(const std::string& qualified) const;
};

struct XmppStreamLimits {
    std::size_t max_bytes = 64 * 1024;  // everything read from the peer before a decision
    std::size_t max_depth = 16;
    std::size_t max_tag_bytes = 8 * 1024;
    std::size_t max_children = 256;
};

class XmppStreamReader {
  public:
    enum class State { reading, failed };

    explicit XmppStreamReader(XmppStreamLimits limits = {}) : limits_(limits) {}

    // Appends bytes from the peer and parses what is complete.
    State feed(const std::string& bytes);
    State state() const { return error_.empty() ? State::reading : State::failed; }
    const std::string& error() const { return error_; }
    bool limit_exceeded() const { return limit_exceeded_; }

    bool header_seen() const { return header_.has_value(); }
    const XmlElement& header() const { return *header_; }
    // The next complete child of <stream:stream>, in arrival order.
    std::optional<XmlElement> pop_element();
    bool stream_closed() const { return closed_; }  // </stream:stream> arrived

  private:
    bool parse_one();  // one token; false when more bytes are needed or parsing failed
    bool fail(std::string why, bool limit = false);
    bool start_tag(const std::string& tag);
    bool end_tag(const std::string& tag);
    void add_text(const std::string& raw);

    struct Frame {
        XmlElement element;
        std::string qualified;
        std::vector<std::pair<std::string, std::string>> prefixes;  // prefix -> URI ("" default)
    };
    std::string resolve(const std::string& prefix) const;

    XmppStreamLimits limits_;
    std::string buffer_;
    std::size_t consumed_total_ = 0;
    bool declaration_allowed_ = true;
    std::optional<XmlElement> header_;
    std::vector<std::pair<std::string, std::string>> stream_prefixes_;
    std::vector<Frame> open_;  // elements inside the stream, outermost first
    std::vector<XmlElement> ready_;
    bool closed_ = false;
    bool limit_exceeded_ = false;
    std::string error_;
};

// The stream header the prober sends (RFC 6120 4.7, XEP-0220 for the dialback namespace).
std::string xmpp_stream_header(const std::string& to_domain);
inline constexpr const char* kStartTls = "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>";

}  // namespace edgeplan::checks::probes
