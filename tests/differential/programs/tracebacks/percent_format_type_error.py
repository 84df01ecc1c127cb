x = "%d items" % "many"
