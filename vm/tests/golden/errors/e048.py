bin("a")
