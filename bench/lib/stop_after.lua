-- Loaded by the bench's wrk scripts: with WRK_STOP_AFTER=N in the
-- environment, each wrk thread stops after N answers and adds a line to the
-- file WRK_STOP_FILE, so rounds that are compared insert the same number of
-- rows (an insert costs more as the table and the WAL grow; rounds of equal
-- time would leave the slower side with a smaller table). wrk itself runs
-- until its -d duration or SIGINT: bench/lib/wrk_run.sh watches the file and
-- interrupts wrk once every thread has stopped. Without WRK_STOP_AFTER, wrk
-- runs for its -d duration as usual.
local limit = tonumber(os.getenv("WRK_STOP_AFTER") or "")
if limit then
  local answered = 0
  response = function()
    answered = answered + 1
    if answered == limit then
      local file = io.open(os.getenv("WRK_STOP_FILE"), "a")
      file:write("stopped\n")
      file:close()
      wrk.thread:stop()
    end
  end
end
