package app;

/** Not part of package cnn: the grader must find no student code here. */
public class Main {
    public static void main(String[] args) {
        System.out.println("hello CNN");
    }
}
