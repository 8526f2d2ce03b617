// The loader never crashes: deterministic byte mutations of a valid topology and settings file
// either load or throw InputError, nothing else (a cheap stand-in until the fuzzer runs).
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "topology/edgeplan_reader.h"
#include "topology/input_error.h"
#include "topology/loader.h"

namespace {

using namespace edgeplan::topology;

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string mutate(std::string text, std::mt19937& rng) {
    const char alphabet[] = "<>/=\"' \n:&;!?-abcXYZ0123456789.\xff\xfe";
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int i = 0; i < edits && !text.empty(); ++i) {
        const std::size_t at = rng() % text.size();
        switch (rng() % 4) {
            case 0:
                text[at] = alphabet[rng() % (sizeof alphabet - 1)];
                break;
            case 1:
                text.erase(at, 1 + rng() % 16);
                break;
            case 2:
                text.insert(at, text.substr(rng() % text.size(), 1 + rng() % 40));
                break;
            default:
                text.resize(at);
                break;
        }
    }
    return text;
}

TEST(LoaderMutations, OkEveryMutationLoadsOrIsAnInputError) {
    const std::string topology = read(EDGEPLAN_SOURCE_DIR "/samples/contoso-docs/topology.xml");
    std::mt19937 rng(20130226);
    int loaded = 0;
    int refused = 0;
    for (int i = 0; i < 3000; ++i) {
        LoadRequest request;
        request.topology_path = "mutant.xml";
        request.topology_text = mutate(topology, rng);
        if (request.topology_text.empty()) continue;
        try {
            load_model(request);
            ++loaded;
        } catch (const InputError&) {
            ++refused;
        }
    }
    // Both outcomes occur, so the mutations exercise the reader and not only the XML parser.
    EXPECT_GT(loaded, 0);
    EXPECT_GT(refused, 0);
}

TEST(LoaderMutations, OkSettingsMutationsApplyOrAreInputErrors) {
    const std::string settings =
        "<Settings xmlns=\"urn:edgeplan:topology:1\"><SipDomains><SipDomain name=\"a.example\" "
        "default=\"true\"/></SipDomains><Federation enabled=\"true\"><AllowedDomain "
        "domain=\"b.example\"/></Federation><EdgePool ref=\"edgepool\" nat=\"true\"><Member "
        "ref=\"edge01.contoso.net\"><Address service=\"av\" public=\"203.0.113.1\"/></Member>"
        "<Certificate use=\"external\" file=\"x.pfx\"/></EdgePool></Settings>";
    LoadRequest base;
    base.topology_path = EDGEPLAN_SOURCE_DIR "/samples/contoso-docs/topology.xml";
    const Model model = load_model(base);
    std::mt19937 rng(42);
    int applied = 0;
    int refused = 0;
    for (int i = 0; i < 2000; ++i) {
        Model copy = model;
        try {
            apply_settings(XmlSource::from_bytes("mutant-settings.xml", mutate(settings, rng)),
                           copy);
            ++applied;
        } catch (const InputError&) {
            ++refused;
        }
    }
    EXPECT_GT(applied, 0);
    EXPECT_GT(refused, 0);
}

}  // namespace
