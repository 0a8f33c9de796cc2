print("tab\there", "nl\\n", "\x41\u00e9\101", r"raw\n", len("\n"), repr("\x00\x7f\t"), repr("it's"), repr('say "hi"'), repr("both ' and \""))
