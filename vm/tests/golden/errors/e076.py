float("")
