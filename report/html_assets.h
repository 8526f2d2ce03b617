#pragma once
// The constant stylesheet and script of the HTML report. They are written raw inside <style>
// and <script>, so they hold no data and none of '<', '>' or '&' (checked by a test).
namespace edgeplan::report::html {

extern const char* const stylesheet;
// Filters findings by status (checkboxes), area (select) and free text (input), from the form
// and from the URL fragment (#status=fail,warn&area=dns&q=text). It only reads the DOM and
// toggles `hidden`: no eval, no innerHTML, no network.
extern const char* const filter_script;

}  // namespace edgeplan::report::html
