// The strict STUN / MS-TURN response parser (checks/probes/stun_message.h), run with the
// datagram's own transaction ID expected (so the attribute walk is reached) and without it.
#include <algorithm>

#include "checks/probes/stun_message.h"
#include "tests/fuzz/fuzz_target.h"

namespace stun = edgeplan::checks::probes::stun;
using edgeplan::fuzz::require;

EDGEPLAN_FUZZ_TARGET(stun_message) {
    const stun::TransactionId fixed{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    stun::TransactionId own{};
    if (size >= stun::kHeaderSize) std::copy_n(data + 8, own.size(), own.begin());
    for (const auto& expected :
         {std::vector<stun::TransactionId>{fixed, own}, std::vector<stun::TransactionId>{fixed}}) {
        const auto result = stun::parse_response(data, size, expected);
        if (result.status == stun::ParseStatus::malformed) {
            require(!result.detail.empty(), "malformed without a reason");
            continue;
        }
        require(size >= stun::kHeaderSize && size % 4 == 0, "accepted a bad length");
        if (result.status == stun::ParseStatus::ok) {
            require(std::find(expected.begin(), expected.end(), result.transaction_id) !=
                        expected.end(),
                    "ok for a transaction ID not expected");
            if (result.response.error_code) {
                require(*result.response.error_code >= 0 && *result.response.error_code < 1000,
                        "ERROR-CODE out of range");
            }
        }
    }
}
