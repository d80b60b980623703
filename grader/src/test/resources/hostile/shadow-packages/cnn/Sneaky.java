/* \u002a/ package cnnkit.hidden; /* */

/**
 * Hostile: javac reads the unicode escape above as the end of the comment, so this file is in package
 * cnnkit.hidden, while a plain text search finds "package cnn;" in the text block below.
 */
class ReluHiddenTest {
    static final String DISGUISE = """
package cnn;
""";
}
