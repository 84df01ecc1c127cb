# quire_layer(NAME [DEPS dep...] [LIBS lib...])
# Declares the static library quire_NAME from every .cpp under the current
# source directory (globbed, so adding a file needs no edit here). DEPS are
# lower quire layers; LIBS are system libraries.
function(quire_layer name)
  cmake_parse_arguments(ARG "" "" "DEPS;LIBS" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  set(target quire_${name})
  if(sources)
    add_library(${target} STATIC ${sources})
    target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(${target} PRIVATE quire_warnings PUBLIC Threads::Threads ${ARG_DEPS} ${ARG_LIBS})
  else()
    # A layer with no code yet: an interface target so others can name it.
    add_library(${target} INTERFACE)
    target_include_directories(${target} INTERFACE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(${target} INTERFACE ${ARG_DEPS} ${ARG_LIBS})
  endif()
endfunction()

# quire_test(NAME SOURCES_DIR LINK libs...)
# One GoogleTest executable per test folder; every TEST becomes a ctest case.
function(quire_test name)
  cmake_parse_arguments(ARG "" "" "LINK" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  if(NOT sources)
    return()
  endif()
  add_executable(${name} ${sources})
  target_link_libraries(${name} PRIVATE quire_warnings GTest::gtest_main ${ARG_LINK})
  target_compile_definitions(${name} PRIVATE
    QUIRE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    QUIRE_BINARY="$<TARGET_FILE:quire>")
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 300)
endfunction()
