#pragma once
// The sample topology compiled into the binary, so `edgeplan` with no arguments runs anywhere.
namespace edgeplan::app {

extern const char* const embedded_sample_name;
extern const char* const embedded_sample_text;

}  // namespace edgeplan::app
