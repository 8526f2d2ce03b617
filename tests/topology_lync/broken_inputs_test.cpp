// Lync inputs that cannot become a model (STYLE.md: missing required structure, values of the
// wrong type, dangling references) fail with an InputError at the offending element. Each
// fixture under broken/ has a sidecar `<file>.expected` holding `LINE:COLUMN: substring`.
#include <dirent.h>

#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "lync_test_support.h"
#include "topology/input_error.h"

namespace edgeplan::topology::lync_test {
namespace {

std::string broken_dir() { return source_dir() + "/tests/topology_lync/broken"; }

struct BrokenCase {
    std::string name;
    std::string file;
};

// Rows print as their names in gtest output.
void PrintTo(const BrokenCase& row, std::ostream* out) { *out << row.name; }

const std::vector<BrokenCase> kCases = {
    {"error_dangling_installed_on_cluster", "dangling_installed_on.xml"},
    {"error_dangling_dependency_service", "dangling_dependency.xml"},
    {"error_dangling_sql_instance", "dangling_sql_instance.xml"},
    {"error_ip_address_not_an_ip", "bad_ip_address.xml"},
    {"error_configured_ip_address_not_an_ip", "bad_configured_ip.xml"},
    {"error_port_not_a_number", "non_numeric_port.xml"},
    {"error_media_range_past_65535", "media_range_past_65535.xml"},
    {"error_media_range_empty", "media_range_empty.xml"},
    {"error_service_version_not_a_number", "non_numeric_service_version.xml"},
    {"error_cluster_without_fqdn", "cluster_without_fqdn.xml"},
    {"error_cluster_in_unknown_site", "cluster_in_unknown_site.xml"},
    {"error_machine_without_fqdn_in_multi_machine_cluster", "machine_without_fqdn_in_pool.xml"},
    {"error_missing_internal_domains", "missing_internal_domains.xml"},
    {"error_service_without_role_name", "service_without_role_name.xml"},
    {"error_service_without_service_id", "service_without_service_id.xml"},
    {"error_tbxml_installed_on_guid_not_found", "tbxml_installed_on_not_found.tbxml"},
    {"error_tbxml_dangling_dependency_guid", "tbxml_dangling_dependency.tbxml"},
    {"error_tbxml_service_without_role_name", "tbxml_service_without_role_name.tbxml"},
    {"error_tbxml_interface_number_not_a_number", "tbxml_bad_interface_number.tbxml"},
};

struct Expected {
    int line = 0;
    int column = 0;
    std::string substring;
};

Expected read_expected(const std::string& path) {
    std::string text = read_bytes(path);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    Expected expected;
    const auto first = text.find(':');
    const auto second = text.find(':', first + 1);
    if (first == std::string::npos || second == std::string::npos) return expected;
    expected.line = std::stoi(text.substr(0, first));
    expected.column = std::stoi(text.substr(first + 1, second - first - 1));
    expected.substring = text.substr(second + 1);
    expected.substring.erase(0, expected.substring.find_first_not_of(' '));
    return expected;
}

class BrokenLyncInput : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(BrokenLyncInput, FailsAtTheOffendingElement) {
    const std::string path = broken_dir() + "/" + GetParam().file;
    const Expected expected = read_expected(path + ".expected");
    ASSERT_GT(expected.line, 0) << path << ".expected must read LINE:COLUMN: substring";
    try {
        load_file(path);
        FAIL() << path << " imported without error";
    } catch (const InputError& error) {
        EXPECT_EQ(error.where().file, path);
        EXPECT_EQ(error.where().line, expected.line) << error.what();
        EXPECT_EQ(error.where().column, expected.column) << error.what();
        EXPECT_NE(error.message().find(expected.substring), std::string::npos)
            << "message: " << error.message() << "\nexpected to contain: " << expected.substring;
    }
}

INSTANTIATE_TEST_SUITE_P(Lync, BrokenLyncInput, ::testing::ValuesIn(kCases),
                         [](const auto& row) { return row.param.name; });

// A fixture without a row would never run.
TEST(BrokenLyncFixtures, EveryFixtureHasARowAndASidecar) {
    std::set<std::string> listed;
    for (const BrokenCase& c : kCases) listed.insert(c.file);
    DIR* dir = opendir(broken_dir().c_str());
    ASSERT_NE(dir, nullptr);
    std::set<std::string> found;
    while (dirent* entry = readdir(dir)) {
        const std::string name = entry->d_name;
        if (name == "." || name == "..") continue;
        if (name.size() > 9 && name.compare(name.size() - 9, 9, ".expected") == 0) continue;
        found.insert(name);
        EXPECT_TRUE(exists(broken_dir() + "/" + name + ".expected")) << name;
    }
    closedir(dir);
    EXPECT_EQ(found, listed);
}

}  // namespace
}  // namespace edgeplan::topology::lync_test
