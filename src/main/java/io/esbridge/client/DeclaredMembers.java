package io.esbridge.client;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import io.esbridge.contract.PackageAddonInfo;
import io.esbridge.contract.PackageInfo;
import io.esbridge.contract.UserInfo;

/**
 * The members of UserInfo, PackageInfo and PackageAddonInfo that one brand's version declares, in declared order, and
 * the step that makes a contract object carry exactly those before it is written. The generated types hold the union
 * of every version's members; sending one a server does not declare is silently dropped by ASMX and refused by a
 * stricter server, so undeclared members are set to null (JAXB then writes no element: they are minOccurs="0" in
 * EnterpriseServer.xsd). Declared Integer/Boolean members left null are set to 0/false, because XmlSerializer always
 * writes value-type members and a missing one reads as 0/false anyway. {@code UserInfo/Password} is declared exactly
 * when the AddUser shape puts the password there.
 */
public final class DeclaredMembers {

    private static final String CONTRACT_PACKAGE = UserInfo.class.getPackageName();
    private static final List<Class<?>> VERSIONED_TYPES =
            List.of(UserInfo.class, PackageInfo.class, PackageAddonInfo.class);

    /** One member: its element name and the generated field holding it. */
    private record Member(String element, Field field) {

        Object get(Object owner) {
            try {
                return field.get(owner);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        void set(Object owner, Object value) {
            try {
                field.set(owner, value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** What to do with one contract class: members to clear, to default, and to walk into. */
    private record Plan(List<Member> clear, List<Member> defaults, List<Member> children) {}

    private final Map<Class<?>, List<String>> declared = new LinkedHashMap<>();
    private final Map<Class<?>, Plan> plans = new ConcurrentHashMap<>();

    private DeclaredMembers(Set<VersionedMember> versioned, boolean passwordInUserInfo) {
        for (Class<?> type : VERSIONED_TYPES) {
            List<String> names = new ArrayList<>();
            List<Member> clear = new ArrayList<>();
            List<Member> defaults = new ArrayList<>();
            for (Member member : members(type)) {
                if (declares(type, member.element(), versioned, passwordInUserInfo)) {
                    names.add(member.element());
                    if (member.field().getType() == Integer.class
                            || member.field().getType() == Boolean.class) {
                        defaults.add(member);
                    }
                } else if (member.field().getType().isPrimitive()) {
                    // a primitive always reaches the wire: the schema must make it optional to be left out
                    throw new IllegalStateException(type.getSimpleName() + "/" + member.element() + " is not "
                            + "declared by every version and must be minOccurs=\"0\" in EnterpriseServer.xsd");
                } else {
                    clear.add(member);
                }
            }
            declared.put(type, List.copyOf(names));
            plans.put(type, new Plan(List.copyOf(clear), List.copyOf(defaults), children(type)));
        }
    }

    /** The members {@code brand}'s version declares, with the password inside UserInfo where {@code shape} says. */
    public static DeclaredMembers of(Brand brand, AddUserShape shape) {
        return new DeclaredMembers(brand.versionedMembers(), shape.passwordInUserInfo());
    }

    /** The element names of {@code type} (UserInfo, PackageInfo or PackageAddonInfo) in declared order. */
    public List<String> elementNames(Class<?> type) {
        List<String> names = declared.get(type);
        if (names == null) {
            throw new IllegalArgumentException(type.getSimpleName() + " is the same in every version");
        }
        return names;
    }

    /** The contract types whose members depend on the version. */
    public static List<Class<?>> versionedTypes() {
        return VERSIONED_TYPES;
    }

    /**
     * Makes every UserInfo, PackageInfo and PackageAddonInfo in {@code value} (a contract object, a list of them, or
     * anything else, which is left alone) carry exactly the declared members, in place.
     */
    public void apply(Object value) {
        if (value instanceof Collection<?> items) {
            items.forEach(this::apply);
            return;
        }
        if (value == null
                || value.getClass().isEnum()
                || !CONTRACT_PACKAGE.equals(value.getClass().getPackageName())) {
            return;
        }
        Plan plan = plans.computeIfAbsent(value.getClass(), type -> new Plan(List.of(), List.of(), children(type)));
        plan.clear().forEach(member -> member.set(value, null));
        for (Member member : plan.defaults()) {
            if (member.get(value) == null) {
                member.set(value, member.field().getType() == Integer.class ? (Object) 0 : Boolean.FALSE);
            }
        }
        for (Member child : plan.children()) {
            apply(child.get(value));
        }
    }

    private static boolean declares(
            Class<?> type, String element, Set<VersionedMember> versioned, boolean passwordInUserInfo) {
        if (type == UserInfo.class && element.equals("Password")) {
            return passwordInUserInfo;
        }
        for (VersionedMember member : VersionedMember.values()) {
            if (member.type() == type && member.elements().contains(element)) {
                return versioned.contains(member);
            }
        }
        return true;
    }

    /** The members of a generated type in declared order (its propOrder), by element name. */
    private static List<Member> members(Class<?> type) {
        List<Member> members = new ArrayList<>();
        for (String property : type.getAnnotation(XmlType.class).propOrder()) {
            try {
                Field field = type.getDeclaredField(property);
                field.setAccessible(true);
                XmlElement element = field.getAnnotation(XmlElement.class);
                String name = element != null && !"##default".equals(element.name()) ? element.name() : property;
                members.add(new Member(name, field));
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(type.getSimpleName() + " has no field " + property, e);
            }
        }
        return members;
    }

    /** Fields that may hold further contract objects (wrappers, arrays, nested types). */
    private static List<Member> children(Class<?> type) {
        List<Member> children = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            Class<?> fieldType = field.getType();
            if (Modifier.isStatic(field.getModifiers()) || fieldType.isPrimitive() || fieldType.isEnum()) {
                continue;
            }
            if (Collection.class.isAssignableFrom(fieldType)
                    || Object.class == fieldType
                    || CONTRACT_PACKAGE.equals(fieldType.getPackageName())) {
                field.setAccessible(true);
                children.add(new Member(field.getName(), field));
            }
        }
        return List.copyOf(children);
    }
}
