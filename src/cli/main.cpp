#include "cli/app.h"

int main(int argc, char** argv) {
  return quire::cli::run(argc, argv);
}
