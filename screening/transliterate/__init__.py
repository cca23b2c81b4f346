"""Reading names written in other scripts or romanization systems.

``romanization`` holds the Mandarin syllable tables (Hanyu Pinyin, Wade-Giles, Tongyong) and
the segmentation of run-together syllables; ``chinese`` reads Han characters (Mandarin with
word and surname context, Hong Kong Cantonese) and converts simplified and traditional forms;
``generic`` turns any other script into ASCII.
"""
