# attack: interpreter-private modules
# expect: compile-error "_thread" is an invalid variable name because it starts with "_"
import _thread
