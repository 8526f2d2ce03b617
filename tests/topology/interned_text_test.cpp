// Shared finding texts (topology/interned_text.h): equal texts are one object, the type reads as
// the string it holds, and threads that make findings at once get the same objects.
#include "topology/interned_text.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace edgeplan::topology {
namespace {

TEST(InternedText, EqualTextsAreOneObject) {
    const InternedText a("not_applicable");
    InternedText b;
    b = std::string("not_") + "applicable";  // built at run time, not the same literal
    EXPECT_EQ(&a.str(), &b.str());
    EXPECT_TRUE(a == b);
    EXPECT_FALSE(a == InternedText("unknown_input"));
}

TEST(InternedText, EveryEmptyFormIsTheSameEmptyText) {
    const InternedText none;
    EXPECT_TRUE(InternedText("") == none);
    EXPECT_TRUE(InternedText(std::string()) == none);
    EXPECT_TRUE(InternedText(static_cast<const char*>(nullptr)) == none);
    InternedText cleared("fix");
    cleared = {};  // as `s = {}` clears a std::string
    EXPECT_TRUE(cleared.empty());
    EXPECT_EQ(cleared.str(), "");
}

TEST(InternedText, ReadsAsItsString) {
    InternedText id;
    EXPECT_TRUE(id.empty());
    EXPECT_EQ(id.str(), "");
    EXPECT_TRUE(id == "");
    id = "FED-07";
    EXPECT_FALSE(id.empty());
    EXPECT_EQ(id.size(), 6U);
    EXPECT_TRUE(id == "FED-07");
    EXPECT_TRUE(std::string("FED-07") == id);
    EXPECT_TRUE(id != "FED-08");
    EXPECT_TRUE(std::string_view("FED-07") == id);
    EXPECT_EQ("check " + id, "check FED-07");
    EXPECT_EQ(id + "/x", "FED-07/x");
    EXPECT_TRUE(InternedText("A-1") < InternedText("B-1"));
    std::ostringstream out;
    out << id;
    EXPECT_EQ(out.str(), "FED-07");
    const std::string& as_string = id;
    EXPECT_EQ(as_string, "FED-07");
}

TEST(InternedText, ThreadsInterningAtOnceShareTheObjects) {
    constexpr int kThreads = 4;
    constexpr int kTexts = 200;
    std::vector<std::vector<const std::string*>> seen(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([t, &seen] {
            for (int i = 0; i < kTexts; ++i) {
                seen[t].push_back(&InternedText("reason-" + std::to_string(i)).str());
            }
        });
    }
    for (std::thread& thread : threads) thread.join();
    for (int t = 1; t < kThreads; ++t) EXPECT_EQ(seen[t], seen[0]);
    EXPECT_EQ(*seen[0][7], "reason-7");
}

}  // namespace
}  // namespace edgeplan::topology
