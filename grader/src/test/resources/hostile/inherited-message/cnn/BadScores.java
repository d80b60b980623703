package cnn;

/** Hostile: declares nothing; its getMessage is Loud's. */
final class BadScores extends Loud {
}
