"""What every trained component and every real-data evaluation shares.

``real`` reads annotations of real articles (ids and offsets, never the text) and joins them with the text in
``../shared``; splits are fixed by the article text's hash so every layer holds out the same articles.
"""
