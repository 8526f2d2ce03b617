#pragma once
// Exit codes (STYLE.md; documented in docs/exit-codes.md and `edgeplan --help`).
namespace edgeplan::app {

inline constexpr int exit_ok = 0;           // no failing finding
inline constexpr int exit_findings = 1;     // a finding failed (or warned, with --fail-on warn)
inline constexpr int exit_input_error = 2;  // usage or input error: nothing was checked
inline constexpr int exit_tool_error = 3;   // no failure, but the tool could not decide somewhere

}  // namespace edgeplan::app
