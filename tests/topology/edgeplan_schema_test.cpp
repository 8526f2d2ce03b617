// docs/schema/topology.xsd agrees with the reader: every edgeplan-format sample validates, and
// broken files whose fault XML Schema can express are rejected by it too.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/required.h"

namespace fs = std::filesystem;

namespace {

const std::string schema = EDGEPLAN_SOURCE_DIR "/docs/schema/topology.xsd";

bool have_xmllint() { return std::system("command -v xmllint >/dev/null 2>&1") == 0; }

bool validates(const std::string& file) {
    const std::string command =
        "xmllint --noout --nonet --schema '" + schema + "' '" + file + "' >/dev/null 2>&1";
    return std::system(command.c_str()) == 0;
}

bool in_edgeplan_namespace(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    return head.find("urn:edgeplan:topology:1") != std::string::npos;
}

TEST(TopologySchema, OkEveryEdgeplanSampleValidates) {
    if (!have_xmllint())
        EDGEPLAN_REQUIRED_MISSING() << "xmllint not installed (apt-get install libxml2-utils)";
    int checked = 0;
    for (const auto& entry : fs::recursive_directory_iterator(EDGEPLAN_SOURCE_DIR "/samples")) {
        if (entry.path().extension() != ".xml" || !in_edgeplan_namespace(entry.path())) continue;
        EXPECT_TRUE(validates(entry.path().string())) << entry.path();
        ++checked;
    }
    EXPECT_GE(checked, 7);
}

TEST(TopologySchema, OkPositiveCorpusValidates) {
    if (!have_xmllint())
        EDGEPLAN_REQUIRED_MISSING() << "xmllint not installed (apt-get install libxml2-utils)";
    for (const char* name : {"plain.xml", "utf16le-bom.xml", "utf8-bom-crlf.xml", "settings.xml"}) {
        EXPECT_TRUE(validates(EDGEPLAN_SOURCE_DIR "/tests/topology/valid/" + std::string(name)))
            << name;
    }
}

// Not listed: faults only the reader sees (IP syntax, references, duplicate ids or sections,
// limits), documented at the top of the schema.
TEST(TopologySchema, FailBrokenFilesTheSchemaCanJudge) {
    if (!have_xmllint())
        EDGEPLAN_REQUIRED_MISSING() << "xmllint not installed (apt-get install libxml2-utils)";
    for (const char* name :
         {"bad-boolean", "bad-enum", "bad-port", "bad-port-text", "empty-attribute",
          "missing-attribute", "missing-element", "empty-sites", "unknown-attribute",
          "unknown-element", "foreign-element", "text-content", "wrong-root",
          "unknown-namespace"}) {
        const std::string file =
            EDGEPLAN_SOURCE_DIR "/tests/topology/broken/" + std::string(name) + ".xml";
        EXPECT_FALSE(validates(file)) << name << " validates against the schema";
    }
}

}  // namespace
