#include "report/sha256.h"
#include "topology/input_file.h"

#include <openssl/evp.h>

#include <stdexcept>

#include <array>
#include <memory>
#include <vector>

namespace edgeplan::report {
namespace {

using Digest = std::array<unsigned char, 32>;

class Sha256 {
  public:
    Sha256() : context_(EVP_MD_CTX_new(), EVP_MD_CTX_free) {
        if (!context_ || EVP_DigestInit_ex(context_.get(), EVP_sha256(), nullptr) != 1) {
            throw std::runtime_error("OpenSSL SHA-256 is unavailable");
        }
    }
    void update(const void* data, std::size_t size) {
        EVP_DigestUpdate(context_.get(), data, size);
    }
    Digest finish() {
        Digest digest{};
        unsigned int length = 0;
        EVP_DigestFinal_ex(context_.get(), digest.data(), &length);
        return digest;
    }

  private:
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context_;
};

std::string to_hex(const Digest& digest) {
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned char byte : digest) {
        out += hex[byte >> 4];
        out += hex[byte & 0xF];
    }
    return out;
}

Digest digest_of(std::string_view data) {
    Sha256 sha;
    sha.update(data.data(), data.size());
    return sha.finish();
}

}  // namespace

std::string sha256_hex(std::string_view data) { return to_hex(digest_of(data)); }

std::string sha256_base64(std::string_view data) {
    const Digest digest = digest_of(data);
    // 32 bytes encode to 44 characters plus the terminating NUL EVP_EncodeBlock writes.
    std::array<unsigned char, 4 * ((32 + 2) / 3) + 1> out{};
    const int n = EVP_EncodeBlock(out.data(), digest.data(), static_cast<int>(digest.size()));
    return std::string(reinterpret_cast<const char*>(out.data()), static_cast<std::size_t>(n));
}

std::string sha256_file_hex(const std::string& path) {
    // Read like every input (topology/input_file.h): a path that has become a FIFO since it
    // was loaded must not hang the report's input list.
    constexpr std::size_t kMaxHashedBytes = 256 * 1024 * 1024;
    try {
        return sha256_hex(topology::read_input_file(path, kMaxHashedBytes));
    } catch (const topology::InputFileError&) {
        return "";
    }
}

}  // namespace edgeplan::report
