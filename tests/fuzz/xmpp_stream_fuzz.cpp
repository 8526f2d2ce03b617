// The XMPP stream reader (checks/probes/xmpp_stream.h) the XMPP prober feeds with whatever a
// federation peer sends. Byte 0 picks the chunk size the same bytes are fed in a second time;
// the reader is incremental, so the outcome (failed or not, header, elements, close) must not
// depend on how TCP split the bytes. Small limits let the fuzzer reach every cap.
#include <string>
#include <vector>

#include "checks/probes/xmpp_stream.h"
#include "tests/fuzz/fuzz_target.h"

using edgeplan::checks::probes::XmlElement;
using edgeplan::checks::probes::XmppStreamLimits;
using edgeplan::checks::probes::XmppStreamReader;
using edgeplan::fuzz::require;

namespace {

// A canonical text of an element tree, to compare two readers' results.
void describe(const XmlElement& element, std::string& out) {
    out += "<{" + element.ns + "}" + element.name;
    for (const auto& [name, value] : element.attributes) out += " " + name + "=" + value;
    out += ">" + element.text;
    for (const auto& child : element.children) describe(child, out);
    out += "</>";
}

struct Outcome {
    bool failed = false;
    bool limit = false;
    bool closed = false;
    std::string header;
    std::string elements;
};

Outcome read_all(const std::string& bytes, std::size_t chunk, const XmppStreamLimits& limits) {
    XmppStreamReader reader(limits);
    Outcome outcome;
    for (std::size_t at = 0;
         at < bytes.size() && reader.state() == XmppStreamReader::State::reading; at += chunk) {
        reader.feed(bytes.substr(at, chunk));
        while (auto element = reader.pop_element()) describe(*element, outcome.elements);
    }
    outcome.failed = reader.state() == XmppStreamReader::State::failed;
    require(!outcome.failed || !reader.error().empty(), "failed without a reason");
    outcome.limit = reader.limit_exceeded();
    outcome.closed = reader.stream_closed();
    if (reader.header_seen()) describe(reader.header(), outcome.header);
    return outcome;
}

}  // namespace

EDGEPLAN_FUZZ_TARGET(xmpp_stream) {
    if (size == 0) return;
    const std::size_t chunk = 1 + data[0] % 16;
    const std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    XmppStreamLimits limits;
    limits.max_bytes = 2048;
    limits.max_depth = 4;
    limits.max_tag_bytes = 256;
    limits.max_children = 8;

    const auto whole = read_all(bytes, bytes.size() + 1, limits);
    const auto pieces = read_all(bytes, chunk, limits);
    // A failure ends reading; until then both readers must have seen the same stream.
    require(whole.failed == pieces.failed, "failure depends on how the bytes were split");
    if (whole.failed) return;
    require(whole.header == pieces.header, "header depends on how the bytes were split");
    require(whole.elements == pieces.elements, "elements depend on how the bytes were split");
    require(whole.closed == pieces.closed, "stream close depends on how the bytes were split");
    require(whole.header.empty() ? whole.elements.empty() : true, "elements before the header");
}
