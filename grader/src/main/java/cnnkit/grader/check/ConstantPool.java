package cnnkit.grader.check;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;

/**
 * Every class name a class file mentions, read from its constant pool, where the JVM finds every class it may load
 * on the class's behalf: superclass and interfaces, nested and enclosing classes, the types of fields, parameters,
 * results, casts, array elements, caught exceptions, constants and bootstrap arguments. Reading all the pool's text
 * (not only what the code appears to use) keeps this an over-approximation: a class named anywhere counts.
 */
final class ConstantPool {
    private static final int UTF8 = 1;

    private ConstantPool() {}

    /**
     * @param reader a parsed class file
     * @return each text of the pool, and each {@code L...;} inside one (descriptors and generic signatures), as
     *     candidate internal class names; the caller keeps those that name a class it knows
     */
    static Set<String> names(ClassReader reader) {
        Set<String> names = new HashSet<>();
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset == 0 || reader.readByte(offset - 1) != UTF8) {
                continue; // the unused slot after a long or double, or not a text
            }
            String text = utf8(reader, offset);
            names.add(text);
            for (int l = text.indexOf('L'); l >= 0; l = text.indexOf('L', l + 1)) {
                int end = text.indexOf(';', l);
                if (end < 0) {
                    break;
                }
                names.add(text.substring(l + 1, end));
            }
        }
        return names;
    }

    /** The pool's modified UTF-8 at {@code offset}: a two-byte length, then the bytes, as DataInput reads it. */
    private static String utf8(ClassReader reader, int offset) {
        int length = reader.readUnsignedShort(offset);
        byte[] bytes = new byte[length + 2];
        for (int k = 0; k < bytes.length; k++) {
            bytes[k] = (byte) reader.readByte(offset + k);
        }
        try {
            return new DataInputStream(new ByteArrayInputStream(bytes)).readUTF();
        } catch (IOException e) {
            return ""; // not valid modified UTF-8: the JVM would refuse the class file anyway
        }
    }
}
