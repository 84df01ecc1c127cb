#pragma once
// Included first by every frappe_qb*.cpp. GCC 12 reports a false -Wrestrict
// inside std::string concatenation at -O3 (GCC bug 105329); the pragma must
// come before <string> is first included, and holds for the rest of the file.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
