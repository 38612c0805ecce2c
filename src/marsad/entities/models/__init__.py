"""The committed NER model files: ner.crfsuite, ner.lexicon.json.gz, ner.clusters.json.gz and their cards."""
