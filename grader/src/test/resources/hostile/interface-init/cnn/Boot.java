package cnn;

/** Hostile: the static initialiser of an interface with a default method runs when an implementing class does. */
interface Boot {
    Object TOKEN = Escape.run();

    default void unused() {
    }
}
