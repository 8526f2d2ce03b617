// JSON round trip of the TLS and XMPP observations (--record / --replay), and strictness.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "checks/probes/observation.h"
#include "checks/probes/tls_observation.h"

namespace edgeplan::checks::probes {
namespace {

TEST(TlsObservationJson, RoundTrip) {
    TlsObservation o;
    o.probe = {"192.0.2.10", 5061, "sip.contoso.com", true, true};
    o.connected = true;
    o.protocol = "TLSv1.3";
    o.peer_chain = {{0x30, 0x82, 0x01}, {0xff}, {}};
    o.client_cert_requested = true;
    o.client_cert_required_failure = true;
    o.legacy_tls_accepted = false;
    o.sip_outcome = SipOutcome::skipped_client_cert_required;
    const nlohmann::json json = o;
    EXPECT_EQ(json.at("peer_chain").at(0), "MIIB");
    EXPECT_EQ(json.at("sip_outcome"), "skipped_client_cert_required");
    EXPECT_EQ(json.get<TlsObservation>(), o);
}

TEST(XmppObservationJson, RoundTrip) {
    XmppObservation o;
    o.probe = {"192.0.2.10", 5269, "contoso.com"};
    o.outcome = XmppOutcome::tls_negotiated;
    o.starttls_offered = o.starttls_required = o.dialback_offered = true;
    o.sasl_mechanisms = {"EXTERNAL"};
    o.sasl_external_offered = true;
    o.peer_chain = {{1, 2, 3, 4, 5}};
    const nlohmann::json json = o;
    EXPECT_EQ(json.get<XmppObservation>(), o);
}

TEST(TlsObservationJson, ErrorOnUnknownOutcomeAndBadBase64) {
    nlohmann::json json = XmppObservation{};
    json["outcome"] = "teleported";
    EXPECT_THROW(json.get<XmppObservation>(), ObservationFormatError);
    json = XmppObservation{};
    json["peer_chain"] = {"not*base64"};
    EXPECT_THROW(json.get<XmppObservation>(), ObservationFormatError);
}

TEST(Base64, KnownVectors) {
    EXPECT_EQ(base64_encode({'f', 'o', 'o', 'b', 'a', 'r'}), "Zm9vYmFy");
    EXPECT_EQ(base64_encode({'f', 'o'}), "Zm8=");
    EXPECT_EQ(base64_decode("Zm8="), (DerBlob{'f', 'o'}));
    EXPECT_THROW(base64_decode("Zm8"), ObservationFormatError);
}

}  // namespace
}  // namespace edgeplan::checks::probes
