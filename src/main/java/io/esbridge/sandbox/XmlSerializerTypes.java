package io.esbridge.sandbox;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.xml.datatype.XMLGregorianCalendar;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlEnumValue;

/**
 * What .NET's XmlSerializer accepts as the text of a simple-typed element of the generated contract types. JAXB is
 * lenient where XmlSerializer is not (it reads {@code True} as false and an unknown enum name as null), so the
 * sandbox checks each simple value itself, as ASMX does, and refuses the request with "Instance validation error".
 */
final class XmlSerializerTypes {

    /** The element names of one contract type: a child's type, or a {@link SimpleType} for a leaf. */
    record ComplexType(Map<String, Object> children) {}

    /** A leaf type and its lexical check. */
    record SimpleType(String name, Predicate<String> accepts) {}

    private static final SimpleType INT = new SimpleType("int", XmlSerializerTypes::isInt);
    private static final SimpleType BOOLEAN =
            new SimpleType("boolean", text -> Set.of("true", "false", "1", "0").contains(text.strip()));
    private static final SimpleType DECIMAL = new SimpleType("decimal", XmlSerializerTypes::isDecimal);
    private static final SimpleType DATE_TIME = new SimpleType("dateTime", XmlSerializerTypes::isDateTime);

    private static final Map<Class<?>, ComplexType> TYPES = new ConcurrentHashMap<>();

    private XmlSerializerTypes() {}

    static ComplexType of(Class<?> type) {
        return TYPES.computeIfAbsent(type, XmlSerializerTypes::describe);
    }

    private static ComplexType describe(Class<?> type) {
        Map<String, Object> children = new HashMap<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            XmlElement element = field.getAnnotation(XmlElement.class);
            String name = element != null && !"##default".equals(element.name()) ? element.name() : field.getName();
            Object child = typeOf(field.getGenericType());
            if (child != null) {
                children.put(name, child);
            }
        }
        return new ComplexType(children);
    }

    /** A {@link SimpleType}, a contract {@link Class}, or null for text that is not checked (strings, DataSets). */
    private static Object typeOf(Type type) {
        if (type instanceof ParameterizedType list) {
            return typeOf(list.getActualTypeArguments()[0]);
        }
        Class<?> c = (Class<?>) type;
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return INT;
        }
        if (c == boolean.class || c == Boolean.class) {
            return BOOLEAN;
        }
        if (c == BigDecimal.class) {
            return DECIMAL;
        }
        if (c == XMLGregorianCalendar.class) {
            return DATE_TIME;
        }
        if (c.isEnum()) {
            Set<String> names = Arrays.stream(c.getFields())
                    .filter(Field::isEnumConstant)
                    .map(f -> f.getAnnotation(XmlEnumValue.class) != null
                            ? f.getAnnotation(XmlEnumValue.class).value()
                            : f.getName())
                    .collect(Collectors.toUnmodifiableSet());
            return new SimpleType(c.getSimpleName(), names::contains);
        }
        if (c.getPackageName().equals("io.esbridge.contract")
                && !c.getSimpleName().equals("DataSet")) {
            return c;
        }
        return null;
    }

    private static boolean isInt(String text) {
        String t = text.strip();
        try {
            Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
            return !t.isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isDecimal(String text) {
        String t = text.strip();
        return t.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    }

    private static boolean isDateTime(String text) {
        try {
            Dates.parse(text.strip());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
